/*
 * sha256.h — SHA-256 (FIPS 180-4) of a byte buffer, for the model's source-sha256 and the
 * batch resume key.
 */
#ifndef T2X_SHA256_H
#define T2X_SHA256_H

#include <stddef.h>

/* Write the lower-case hex digest of data[0..len) into hex (65 bytes with the NUL). */
void t2x_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
