/*
 * cameo.h — the CAMEO event codes as the library reasons about them: the
 * root family of a code, the family predicates the coder, the store and the
 * exports share ("violence = families 18-20" is written here only), and the
 * mappings to PLOVER and ACLED (lib/cameo.c).
 */
#ifndef TV_CAMEO_H
#define TV_CAMEO_H

#include "internal.h"

/* ---- families ------------------------------------------------------------ */

/* Root family of a CAMEO code ("0871" → 8, "194" → 19); -1 when the code
   does not start with two digits from 01 to 20. */
int tv_cameo_family(const char *code);

/* True when code starts with prefix ("0871" has prefix "087"). */
bool tv_cameo_has_prefix(const char *code, const char *prefix);

/* Families 18 (assault), 19 (fight), 20 (mass violence): armed violence. */
bool tv_cameo_is_violence(const char *code);

/* ---- PLOVER -------------------------------------------------------------- */

/* ---- ACLED --------------------------------------------------------------- */

#endif /* TV_CAMEO_H */
