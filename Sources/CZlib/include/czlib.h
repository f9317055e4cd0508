#ifndef CZLIB_H
#define CZLIB_H

/*
 * CZlib: one-shot raw DEFLATE inflation and CRC-32 over zlib, for Swift.
 *
 * zlib's streaming API is not usable from Swift as it stands: `inflateInit2`
 * is a macro (it passes ZLIB_VERSION and sizeof(z_stream) to
 * `inflateInit2_`), and a `z_stream` must be zeroed, pointed at its buffers
 * and fed in chunks whose lengths are `unsigned int`. Each function below does
 * that whole dance in C and takes `size_t` lengths, so Swift sees one ordinary
 * call per job. Status codes are zlib's own `Z_*` constants, which Swift
 * imports from <zlib.h>.
 */

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Inflates one raw DEFLATE stream (no zlib or gzip wrapper: ZIP's method 8)
 * from `input` into `output`. Returns 0 once the stream's final block has been
 * decoded, with `*produced` set to the number of bytes written (at most
 * `output_length`); bytes after the end of the stream are ignored. Otherwise
 * returns a negative zlib code: Z_DATA_ERROR for invalid data, Z_BUF_ERROR
 * when the input ends before the stream does or the stream does not fit in
 * `output`, Z_MEM_ERROR when zlib cannot allocate its state. `*produced` is
 * set in every case. Either buffer may be NULL when its length is 0.
 */
int czlib_inflate_raw(const uint8_t *input, size_t input_length,
                      uint8_t *output, size_t output_length, size_t *produced);

/* The CRC-32 (ISO-HDLC, as ZIP records it) of `length` bytes at `data`. */
uint32_t czlib_crc32(const uint8_t *data, size_t length);

#ifdef __cplusplus
}
#endif

#endif /* CZLIB_H */
