/* commerce — the outbox: events the host delivers (emails, SMS, webhooks). See docs/outbox.md.
 *
 * An event is appended in the same transaction as the change it announces, so nothing is lost when the process
 * dies between commit and send. The host fetches a batch, delivers each event, and acknowledges it (or reports a
 * failure, which schedules a retry with exponential backoff). Secrets an event carries (a verification token, a
 * one-time code) are sealed at rest and erased once the event is delivered or given up. These calls serve the
 * host process itself and take no session. */
#ifndef COMMERCE_OUTBOX_H
#define COMMERCE_OUTBOX_H

#include <commerce/engine.h>

COMMERCE_BEGIN_DECLS

/* Leases up to "limit" due events, oldest first: {"limit": 100, "lease_seconds": 60, "topics": ["user."]}
 * ("topics" are prefixes). Leased events are not handed out again until the lease ends. Returns an
 * "outbox_batch". query_json may be NULL. */
COMMERCE_API commerce_status commerce_outbox_fetch(commerce_doc **out, commerce_engine *engine,
                                                   const char *query_json);

/* Marks an event delivered and erases its secrets. Acknowledging twice is fine; an unknown id is
 * COMMERCE_ERR_NOT_FOUND. */
COMMERCE_API commerce_status commerce_outbox_ack(commerce_engine *engine, const char *event_id);

/* Records a failed delivery: the event is retried after a backoff that doubles each time (capped at one hour);
 * after 10 attempts it is given up ("dead") and its secrets are erased. error may be NULL. An unknown id is
 * COMMERCE_ERR_NOT_FOUND; an event already delivered or dead is COMMERCE_ERR_ILLEGAL_STATE. */
COMMERCE_API commerce_status commerce_outbox_fail(commerce_engine *engine, const char *event_id, const char *error);

COMMERCE_END_DECLS

#endif
