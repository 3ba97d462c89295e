/*
 * cameo.c — CAMEO codes: root families and the predicates built on them,
 * and the PLOVER and ACLED mappings (lib/cameo.h). Event labels and the
 * PLOVER type of each code are data (data/events/cameo.txt); what code
 * decides from a family is decided here.
 */
#include "cameo.h"

/* ---- families ------------------------------------------------------------ */

int tv_cameo_family(const char *code)
{
    if (!code || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9')
        return -1;
    int f = (code[0] - '0') * 10 + (code[1] - '0');
    return f >= 1 && f <= 20 ? f : -1;
}

bool tv_cameo_has_prefix(const char *code, const char *prefix)
{
    return code && prefix && strncmp(code, prefix, strlen(prefix)) == 0;
}

bool tv_cameo_is_violence(const char *code)
{
    int f = tv_cameo_family(code);
    return f >= 18 && f <= 20;
}

/* ---- PLOVER -------------------------------------------------------------- */

/* ---- ACLED --------------------------------------------------------------- */
