-- Lagebild event store, migration 1 (see README.md). Applied by migrations.py in one transaction.

CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id           VARCHAR PRIMARY KEY,
    started_at       TIMESTAMP NOT NULL,
    finished_at      TIMESTAMP,
    status           VARCHAR NOT NULL,          -- running | done | failed | interrupted
    engine           VARCHAR,
    workers          INTEGER,
    inputs           VARCHAR[],
    new_articles     INTEGER DEFAULT 0,
    duplicates       INTEGER DEFAULT 0,
    unchanged        INTEGER DEFAULT 0,
    rejects          INTEGER DEFAULT 0,
    failed           INTEGER DEFAULT 0,
    events           INTEGER DEFAULT 0,
    lagebild_version VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    id           VARCHAR PRIMARY KEY,
    seq          BIGINT NOT NULL UNIQUE,        -- ingest order; events.gid = seq * 1000 + n
    content_hash VARCHAR NOT NULL UNIQUE,       -- sha256 of the normalised text
    external_id  VARCHAR,                       -- the id given in the input
    record_key   VARCHAR NOT NULL,              -- external_id, else origin
    title        VARCHAR,
    published    DATE,
    url          VARCHAR,
    source       VARCHAR,
    language     VARCHAR,
    text         VARCHAR NOT NULL,
    origin       VARCHAR,                       -- path:line, URL#itemN, <stdin>
    ingested_at  TIMESTAMP NOT NULL,
    run_id       VARCHAR,
    duplicate_of VARCHAR,                       -- near duplicate of this article (not analysed)
    similarity   DOUBLE,
    status       VARCHAR NOT NULL,              -- analysed | duplicate | failed
    error        VARCHAR,
    n_events     INTEGER NOT NULL DEFAULT 0,
    minhash      BIGINT[],
    sections     VARCHAR,                       -- JSON list of {kind, start, end}
    sentences    VARCHAR,                       -- JSON list of {start, end, ...}
    warnings     VARCHAR[]
);

CREATE TABLE IF NOT EXISTS lsh_bands (
    band_hash  BIGINT NOT NULL,
    article_id VARCHAR NOT NULL,
    PRIMARY KEY (band_hash, article_id)
);

CREATE TABLE IF NOT EXISTS actors (
    actor_id VARCHAR PRIMARY KEY,
    name     VARCHAR,
    type     VARCHAR,
    country  VARCHAR,
    sector   VARCHAR,
    role     VARCHAR
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,                -- actor | place | time
    idx        INTEGER NOT NULL,
    text       VARCHAR,
    char_start INTEGER,
    char_end   INTEGER,
    actor_id   VARCHAR,
    name       VARCHAR,
    type       VARCHAR,
    country    VARCHAR,
    sector     VARCHAR,
    role       VARCHAR,
    method     VARCHAR,
    number     VARCHAR,
    confidence DOUBLE,
    lat        DOUBLE,
    lon        DOUBLE,
    place_id   VARCHAR,
    place_kind VARCHAR,
    start_date DATE,
    end_date   DATE,
    precision  VARCHAR,
    unresolved BOOLEAN,
    PRIMARY KEY (article_id, kind, idx)
);

CREATE TABLE IF NOT EXISTS events (
    id                  VARCHAR PRIMARY KEY,    -- <article_id>:<n>
    gid                 BIGINT NOT NULL UNIQUE,
    article_id          VARCHAR NOT NULL,
    idx                 INTEGER NOT NULL,
    event_key           VARCHAR,                -- the event's id inside its document
    category            VARCHAR NOT NULL,
    mode                VARCHAR,
    context             VARCHAR[],
    cameo               VARCHAR,
    quad_class          INTEGER,
    goldstein           DOUBLE,
    source_text         VARCHAR,
    source_char_start   INTEGER,
    source_char_end     INTEGER,
    source_actor_id     VARCHAR,
    source_name         VARCHAR,
    source_country      VARCHAR,
    source_sector       VARCHAR,
    source_type         VARCHAR,
    target_text         VARCHAR,
    target_char_start   INTEGER,
    target_char_end     INTEGER,
    target_actor_id     VARCHAR,
    target_name         VARCHAR,
    target_country      VARCHAR,
    target_sector       VARCHAR,
    target_type         VARCHAR,
    attributed_text       VARCHAR,
    attributed_char_start INTEGER,
    attributed_char_end   INTEGER,
    attributed_actor_id   VARCHAR,
    attributed_name       VARCHAR,
    attributed_country    VARCHAR,
    attributed_sector     VARCHAR,
    attributed_type       VARCHAR,
    negated             BOOLEAN NOT NULL,
    certainty           VARCHAR NOT NULL,
    is_symmetric        BOOLEAN NOT NULL,
    date_start          DATE,
    date_end            DATE,
    date_precision      VARCHAR,
    date_text           VARCHAR,
    location_name       VARCHAR,
    location_country    VARCHAR,
    location_lat        DOUBLE,
    location_lon        DOUBLE,
    location_text       VARCHAR,
    location_char_start INTEGER,
    location_char_end   INTEGER,
    evidence_text       VARCHAR,
    evidence_start      INTEGER,
    evidence_end        INTEGER,
    trigger             VARCHAR,
    trigger_start       INTEGER,
    trigger_end         INTEGER,
    confidence          DOUBLE,
    is_root             BOOLEAN,                -- coded from the headline or lead
    n_mentions          INTEGER NOT NULL,       -- 1 + merged mentions in the same article
    published           DATE,                   -- the article's, for undated events
    language            VARCHAR
);

CREATE TABLE IF NOT EXISTS event_evidence (
    event_id      VARCHAR NOT NULL,
    idx           INTEGER NOT NULL,             -- 0 = the primary evidence
    article_id    VARCHAR NOT NULL,
    is_primary    BOOLEAN NOT NULL,
    text          VARCHAR,
    char_start    INTEGER,
    char_end      INTEGER,
    trigger       VARCHAR,
    trigger_start INTEGER,
    trigger_end   INTEGER,
    PRIMARY KEY (event_id, idx)
);

CREATE TABLE IF NOT EXISTS aggregates (
    cluster_id       VARCHAR NOT NULL,        -- derived table: rebuilt, no key constraint
    category         VARCHAR NOT NULL,
    cameo            VARCHAR,
    quad_class       INTEGER,
    goldstein        DOUBLE,
    source_code      VARCHAR,
    target_code      VARCHAR,
    source_country   VARCHAR,
    target_country   VARCHAR,
    negated          BOOLEAN,
    date_start       DATE,
    date_end         DATE,
    num_mentions     INTEGER NOT NULL,
    num_sources      INTEGER NOT NULL,
    num_articles     INTEGER NOT NULL,
    num_events       INTEGER NOT NULL,
    first_event_id   VARCHAR,
    first_article_id VARCHAR,
    source_url       VARCHAR,
    window_days      INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS aggregate_members (
    cluster_id VARCHAR NOT NULL,
    event_id   VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS duplicates (
    content_hash VARCHAR NOT NULL,
    record_key   VARCHAR NOT NULL,
    duplicate_of VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,              -- exact | near
    similarity   DOUBLE,
    origin       VARCHAR,
    article_id   VARCHAR,                       -- the stored near-duplicate article (kind = near)
    run_id       VARCHAR,
    detected_at  TIMESTAMP,
    PRIMARY KEY (content_hash, record_key)
);

CREATE TABLE IF NOT EXISTS rejects (
    origin      VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    code        VARCHAR,
    record_id   VARCHAR,
    run_id      VARCHAR,
    rejected_at TIMESTAMP,
    PRIMARY KEY (origin, reason)
);
