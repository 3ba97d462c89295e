/*
 * events.h — the event coder: actors (lib/actors.c), triggers, attribution,
 * modality, casualties, time and place of each event and their merging
 * within one article (lib/events.c), and the writers (lib/events_output.c).
 *
 * Input: a treve_doc with its tokens, dictionary matches, numbers and times.
 * Output: doc->events, one per real-world event of the article.
 */
#ifndef TV_EVENTS_H
#define TV_EVENTS_H

#include "doc.h"

/* Class ids of the dictionary classes the coder reads (0 = none loaded). */
typedef struct tv_classes {
    uint16_t country, demonym, capital, metonym, role, org, person, place, dyad;
    uint16_t trigger, casualty, report, hope, call, denial, hearsay, future, topic, refine, weapon, cameo, hazard;
} tv_classes;
void tv_classes_init(const tv_lexicon *lex, tv_classes *c);

/* ---- actors --------------------------------------------------------------*/
enum tv_actor_kind {
    TV_ACT_COUNTRY = 1, /* l'Arménie, Moscou (metonym), le Kremlin */
    TV_ACT_GROUP,       /* role + country: soldats arméniens, la diplomatie russe */
    TV_ACT_PERSON,      /* le Premier ministre arménien Nikol Pachinian */
    TV_ACT_ORG,         /* l'ONU, l'Union européenne */
    TV_ACT_ROLE,        /* a role with no country: les rebelles, des civils */
    TV_ACT_ADJ          /* a bare demonym adjective: médiation russe */
};

typedef struct tv_actor {
    char code[24];     /* CAMEO actor code: RUSGOV, ARMMIL, ARM, IGOUNO … */
    char country[4];   /* ISO alpha-3 or "" */
    char sector[4];    /* GOV, MIL … or "" */
    uint8_t kind;      /* enum tv_actor_kind */
    uint32_t tok_first, tok_end; /* tokens of the mention (determiner included) */
    uint32_t head_tok;           /* first token of the noun (after determiners) */
    uint32_t sentence;
    tv_span span;      /* original bytes (determiner included) */
    tv_span name;      /* person's name within the span, or {0,0} */
    int32_t pair;      /* index of the other actor of an "X et Y" pair, or -1 */
    bool dyad;         /* from a reference to a pair ("les deux pays") */
    bool inferred;     /* country taken from context ("la police" in Bamako) */
    int32_t coord;     /* next actor of a list ("de X, de Y et de Z"), or -1 */
    bool locative;     /* a place, not a party: "à Bamako", "en Ukraine" */
} tv_actor;

/* Finds the actor mentions of the whole document, in text order. A
   reference to a dyad ("les deux pays", "les parties") becomes two mentions
   with the codes of the last two countries named before it. */
int tv_actors_find(const treve_doc *doc, tv_arena *a, tv_actor **out, size_t *nout, treve_error *err);

/* ---- events --------------------------------------------------------------*/
enum tv_role { TV_ROLE_ACTOR = 1, TV_ROLE_RECIPIENT, TV_ROLE_MEDIATOR };

enum tv_modality {
    TV_MOD_ASSERTED = 1, TV_MOD_HOPED, TV_MOD_CALLED_FOR, TV_MOD_DENIED, TV_MOD_REPORTED, TV_MOD_FUTURE
};

enum tv_casualty_kind { TV_CAS_KILLED = 1, TV_CAS_WOUNDED, TV_CAS_MISSING, TV_CAS_CAPTURED, TV_CAS_DISPLACED };

#define TV_EVENT_MAX_ACTORS 8
#define TV_EVENT_MAX_CASUALTIES 8
#define TV_EVENT_MAX_MENTIONS 16

typedef struct tv_event_actor {
    const tv_actor *actor;
    uint8_t role;
} tv_event_actor;

typedef struct tv_casualty {
    uint8_t kind;          /* enum tv_casualty_kind */
    bool unquantified;
    double min, max;       /* NAN when open */
    char country[4], sector[4]; /* the group hit */
    const tv_actor *claimed_by; /* or NULL */
    tv_span span;
} tv_casualty;

typedef struct tv_mention {
    uint32_t sentence;
    tv_span span;      /* the trigger's words */
} tv_mention;

typedef struct tv_event {
    char cameo[8];
    const tv_entry *cameo_entry; /* class cameo: label, plover, mode, context */
    tv_event_actor actors[TV_EVENT_MAX_ACTORS];
    size_t nactors;
    tv_timex time;     /* a copy (relocated to the place's zone when local) */
    bool has_time;     /* false: publication day or unresolved */
    const tv_match *place;       /* class place or country match, or NULL */
    const tv_entry *place_entry;
    tv_casualty casualties[TV_EVENT_MAX_CASUALTIES];
    size_t ncasualties;
    const tv_actor *claimed_by;
    uint8_t modality;  /* enum tv_modality */
    bool historical;
    bool consumed;     /* merged into another event or absorbed: not written */
    bool verbal;       /* some mention is a verb (not only a noun or phrase) */
    bool anaphor;      /* "ces accusations", "cette aide": an event told before */
    bool recip;        /* a reciprocal trigger (clash, meeting): both sides act */
    int32_t into;      /* merged: 1 + the index of the event it joined, else 0 */
    bool killing;      /* made by a killing verb ("ont tué"), no event word: its
                          code yields to any merged trigger's */
    tv_mention mentions[TV_EVENT_MAX_MENTIONS];
    size_t nmentions;
    uint32_t trigger_first, trigger_end; /* tokens of the first trigger */
} tv_event;

/* Codes the events of a document (doc->events / doc->nevents). */
int tv_events_code(treve_doc *doc, treve_error *err);

/* lib/events_output.c: one event as the SPEC JSON object of `treve code`
   (no newline); index is its rank among the document's unconsumed events.
   The store keeps this text for every event it ingests. */
void tv_event_write_json(tv_buf *b, const treve_doc *doc, const tv_event *e, size_t index);

const char *tv_modality_name(int m);
const char *tv_casualty_kind_name(int k);

#endif
