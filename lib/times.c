/* times.c — PLACEHOLDER being replaced by the times work (see lib/times.h). */
#include "times.h"
int tv_times_find(const tv_text *text, const tv_number *nums, size_t nnums, const tv_time_options *opt,
                  tv_arena *a, tv_timex **out, size_t *nout, treve_error *err)
{ (void)text; (void)nums; (void)nnums; (void)opt; (void)a; (void)err; *out = NULL; *nout = 0; return TREVE_OK; }
int tv_timex_relocate(tv_timex *t, const char *zone, treve_error *err) { (void)t; (void)zone; (void)err; return TREVE_OK; }
const char *tv_precision_name(int p)
{
    static const char *n[] = {"none", "minute", "hour", "part_of_day", "day", "week", "month", "season", "year", "decade"};
    return p >= 0 && p < 10 ? n[p] : "none";
}
const char *tv_basis_name(int b)
{
    static const char *n[] = {"none", "explicit", "relative", "publication", "unresolved"};
    return b >= 0 && b < 5 ? n[b] : "none";
}
const char *tv_timex_type_name(int t)
{
    static const char *n[] = {"NONE", "DATE", "TIME", "DURATION", "SET"};
    return t >= 0 && t < 5 ? n[t] : "NONE";
}
