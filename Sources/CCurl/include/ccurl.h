#ifndef CCURL_H
#define CCURL_H

/*
 * CCurl: typed, non-variadic wrappers over libcurl for Swift.
 *
 * `curl_easy_setopt` and `curl_easy_getinfo` are C variadic functions, which
 * Swift cannot call. Each wrapper below fixes the argument type for one family
 * of options so Swift sees an ordinary typed function. The callback typedefs
 * are plain C function pointers, so Swift can pass `@convention(c)` closures
 * and carry its own context through the matching *DATA option as an opaque
 * pointer (see `Unmanaged` on the Swift side).
 */

#include <curl/curl.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Callback shapes accepted by libcurl. */
typedef size_t (*ccurl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);
typedef int (*ccurl_xferinfo_callback)(void *userdata, curl_off_t dltotal, curl_off_t dlnow,
                                       curl_off_t ultotal, curl_off_t ulnow);

/* Options taking a `long` (flags, timeouts in ms, sizes that fit a long). */
CURLcode ccurl_setopt_long(CURL *handle, CURLoption option, long value);
/* Options taking a `curl_off_t` (the *_LARGE sizes). */
CURLcode ccurl_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
/* Options taking a NUL-terminated string; libcurl copies it. */
CURLcode ccurl_setopt_string(CURL *handle, CURLoption option, const char *value);
/* Options taking an opaque pointer (the *DATA options). */
CURLcode ccurl_setopt_pointer(CURL *handle, CURLoption option, void *value);
/* Options taking a header list; the list must outlive the transfer. */
CURLcode ccurl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);

CURLcode ccurl_setopt_write_function(CURL *handle, ccurl_data_callback callback);
CURLcode ccurl_setopt_header_function(CURL *handle, ccurl_data_callback callback);
CURLcode ccurl_setopt_read_function(CURL *handle, ccurl_data_callback callback);
CURLcode ccurl_setopt_xferinfo_function(CURL *handle, ccurl_xferinfo_callback callback);

CURLcode ccurl_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode ccurl_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value);

/* Constants that are macros (not enum cases) in curl.h, re-exported for Swift. */
static const size_t ccurl_readfunc_abort = CURL_READFUNC_ABORT;
static const long ccurl_global_default = CURL_GLOBAL_DEFAULT;

#ifdef __cplusplus
}
#endif

#endif /* CCURL_H */
