/* times_output.c — PLACEHOLDER being replaced by the times work (treve_doc_write_times). */
#include "doc.h"
int treve_doc_write_times(const treve_doc *doc, treve_write_fn w, void *user)
{ (void)doc; (void)w; (void)user; return TREVE_OK; }
