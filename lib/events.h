/*
 * events.h — the event coder (lib/events.c): from dictionary matches,
 * numbers and times to coded events (CAMEO/PLOVER, actors, time, place,
 * casualties, attribution, modality).
 */
#ifndef TV_EVENTS_H
#define TV_EVENTS_H

#include "doc.h"

/* Codes the events of a document (doc->events / doc->nevents). */
int tv_events_code(treve_doc *doc, treve_error *err);

#endif
