/* timezone.c — PLACEHOLDER being replaced by the times work (see lib/times.h). */
#include "times.h"
int tv_zone_to_utc(const char *zone, int y, int mo, int d, int h, int mi, int64_t *utc, int32_t *offset_min,
                   treve_error *err)
{ (void)zone; *utc = tv_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60; *offset_min = 0; (void)err; return TREVE_OK; }
int tv_zone_offset(const char *zone, int64_t utc, int32_t *offset_min, treve_error *err)
{ (void)zone; (void)utc; (void)err; *offset_min = 0; return TREVE_OK; }
