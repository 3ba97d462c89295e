/* sha1.h — SHA-1 hex digest of a byte string (lib/sha1.c). */
#ifndef TV_SHA1_H
#define TV_SHA1_H
#include <stddef.h>
#include <stdint.h>
void tv_sha1_hex(const void *data, size_t len, char out[41]);
#endif
