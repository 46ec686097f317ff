-- The subscriptions service's database (Cloudflare D1, SQLite). Applied by
-- `wrangler d1 migrations apply` in the deploy workflow. What is kept, and for
-- how long, is listed in docs/subscriptions.md ("What is stored").

-- One row per address. Leaving deletes the row; an unconfirmed row is deleted when its link expires.
CREATE TABLE subscribers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Lowercased; the only copy of the address anywhere.
  email TEXT NOT NULL UNIQUE,
  -- The language of the page the reader signed up on (a catalog of src/i18n).
  locale TEXT NOT NULL,
  -- A JSON array of component ids; [] is every component.
  components TEXT NOT NULL DEFAULT '[]',
  created_at INTEGER NOT NULL,
  -- Null until the reader follows the confirmation link.
  confirmed_at INTEGER,
  -- When the confirmation link stops working (epoch ms); null once confirmed.
  expires_at INTEGER,
  -- The last confirmation or reminder sent: at most one an hour.
  last_mail_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX subscribers_expiry ON subscribers (expires_at) WHERE confirmed_at IS NULL;

-- Each notification handed over by `status notify`, once: a second handover of the same id adds nothing.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  -- The handover as received (no address: a title, a text, a link, component ids).
  payload TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  -- The newest subscriber when it arrived: who signs up later is not sent older news.
  last_subscriber INTEGER NOT NULL
);

-- The ledger: one row per (subscriber, event) once the email API took the message, or refused it for good.
CREATE TABLE deliveries (
  event_id TEXT NOT NULL,
  subscriber_id INTEGER NOT NULL,
  -- 'sent' or 'refused'
  state TEXT NOT NULL,
  -- The API's reason for a refusal (never the address).
  detail TEXT,
  at INTEGER NOT NULL,
  PRIMARY KEY (event_id, subscriber_id)
);
CREATE INDEX deliveries_subscriber ON deliveries (subscriber_id);

-- The site's components (id, name), from the latest handover: the manage page lists them.
CREATE TABLE components (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL
);

-- Sign-up attempts for the rate limits: a keyed hash of the client address or the email address, never either.
CREATE TABLE attempts (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX attempts_key ON attempts (key, at);
