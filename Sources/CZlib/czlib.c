/* Lets `next_in` take a pointer to const input. */
#define ZLIB_CONST
#include "czlib.h"

#include <limits.h>
#include <string.h>

/* zlib counts in `unsigned int`; feed larger buffers in pieces of at most this. */
static uInt czlib_chunk(size_t remaining) {
    return remaining > UINT_MAX ? UINT_MAX : (uInt)remaining;
}

int czlib_inflate_raw(const uint8_t *input, size_t input_length,
                      uint8_t *output, size_t output_length, size_t *produced) {
    *produced = 0;

    z_stream stream;
    memset(&stream, 0, sizeof stream); /* Z_NULL allocators: zlib's own malloc and free */
    /* Negative window bits select a raw stream with the largest (32 KiB) window. */
    int status = inflateInit2(&stream, -MAX_WBITS);
    if (status != Z_OK) {
        return status;
    }

    uint8_t spare; /* inflate rejects a NULL next_out even when avail_out is 0 */
    size_t input_left = input_length;
    size_t output_left = output_length;
    stream.next_in = input;
    stream.next_out = output != NULL ? output : &spare;
    do {
        /* inflate advances next_in and next_out itself; only the counts need topping up. */
        if (stream.avail_in == 0 && input_left > 0) {
            stream.avail_in = czlib_chunk(input_left);
            input_left -= stream.avail_in;
        }
        if (stream.avail_out == 0 && output_left > 0) {
            stream.avail_out = czlib_chunk(output_left);
            output_left -= stream.avail_out;
        }
        status = inflate(&stream, Z_NO_FLUSH);
    } while (status == Z_OK);
    /* Z_BUF_ERROR here is final: both buffers were topped up, yet no progress was possible. */

    *produced = output_length - output_left - stream.avail_out;
    inflateEnd(&stream);
    if (status == Z_STREAM_END) {
        return 0;
    }
    /* Z_NEED_DICT (positive) cannot arise from a raw stream; report it as bad data. */
    return status < 0 ? status : Z_DATA_ERROR;
}

uint32_t czlib_crc32(const uint8_t *data, size_t length) {
    uLong crc = crc32(0L, Z_NULL, 0);
    while (length > 0) {
        uInt chunk = czlib_chunk(length);
        crc = crc32(crc, data, chunk);
        data += chunk;
        length -= chunk;
    }
    return (uint32_t)crc;
}
