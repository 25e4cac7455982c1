"""The archive's schema as versioned migrations, with the triggers that keep signed versions.

Everything lives in the ``archive`` schema. A signed version is a row of ``versions`` that no
statement may change or delete (a new version is a new row); the archive checks its digest on
arrival, recomputing SHA-256 over the canonical JSON the laptop signed (the content is kept as
those bytes, with the profile by its digest: the check puts the profile's own canonical JSON
back in its place). ``sessions`` is the HR list: one row per session, for its latest version.
Laptops write only through the ``push_*`` functions and HR only through ``register_issue`` and
``purge``; all of these run as the archive's owner and check who is calling. Nothing of a
session the archive purged enters it again.

``migrations`` records which migrations a database has, so an archive made by a newer app is
recognised before anything touches it.
"""

from __future__ import annotations

from dataclasses import dataclass

# A migration's SQL runs with search_path = archive; TRGM_SCHEMA stands for the schema that
# holds pg_trgm (the DBA may have installed it anywhere before).

TABLES = r"""
CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);

CREATE TABLE installations (
    id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{32}$'),
    label text NOT NULL DEFAULT '',
    uploader name NOT NULL,                 -- the login that pushes for this laptop
    first_push timestamptz NOT NULL DEFAULT now(),
    last_push timestamptz
);
-- The certificates each laptop signs its sheets with: verify on the archive knows them.
CREATE TABLE certificates (
    installation_id text NOT NULL REFERENCES installations(id),
    sha256 text NOT NULL,
    der bytea NOT NULL,
    PRIMARY KEY (installation_id, sha256)
);
CREATE TABLE profile_snapshots (
    digest text PRIMARY KEY CHECK (digest ~ '^[0-9a-f]{64}$'),
    profile_id text NOT NULL,
    json text NOT NULL
);
-- One row per signed version: the content exactly as the laptop signed it (canonical JSON
-- with the profile by its digest), never changed, never deleted except by purge.
CREATE TABLE versions (
    session_id text COLLATE "C" NOT NULL,
    version integer NOT NULL CHECK (version >= 1),
    digest text NOT NULL CHECK (digest ~ '^[0-9a-f]{64}$'),
    signed_at text NOT NULL,
    snapshot text NOT NULL REFERENCES profile_snapshots(digest),
    content bytea NOT NULL,
    -- The whole record (the session file form, profile by digest) when the laptop still
    -- stood at this version as it pushed: HR sees what the laptop shows. Checked on reading.
    record text,
    installation_id text NOT NULL REFERENCES installations(id),
    pushed_at timestamptz NOT NULL DEFAULT now(),
    pushed_by name NOT NULL DEFAULT session_user,
    PRIMARY KEY (session_id, version)
);
-- The HR list: each session at its latest archived version, the laptop's list columns.
CREATE TABLE sessions (
    id text COLLATE "C" PRIMARY KEY,
    version integer NOT NULL,
    installation_id text NOT NULL REFERENCES installations(id),
    profile_id text COLLATE "C" NOT NULL,
    snapshot text NOT NULL REFERENCES profile_snapshots(digest),
    force text COLLATE "C" NOT NULL,
    role_title text COLLATE "C" NOT NULL,
    candidate_name text COLLATE "C" NOT NULL,
    candidate_ref text COLLATE "C" NOT NULL,
    date text COLLATE "C" NOT NULL,
    venue text COLLATE "C" NOT NULL,
    chair_name text COLLATE "C" NOT NULL,
    status text COLLATE "C" NOT NULL,
    outcome text COLLATE "C" NOT NULL,
    weighted_total integer NOT NULL,
    percentage text COLLATE "C" NOT NULL,
    retention_months integer NOT NULL,
    closed_at text COLLATE "C" NOT NULL,
    search text COLLATE "C" NOT NULL,
    created_at text COLLATE "C" NOT NULL,
    updated_at text COLLATE "C" NOT NULL,
    FOREIGN KEY (id, version) REFERENCES versions(session_id, version)
);
CREATE INDEX sessions_list ON sessions (date, created_at, id);
CREATE INDEX sessions_status ON sessions (status, date);
CREATE INDEX sessions_profile ON sessions (profile_id, date);
CREATE INDEX sessions_outcome ON sessions (outcome, date);
CREATE INDEX sessions_ref ON sessions (lower(candidate_ref));
CREATE INDEX sessions_search ON sessions USING gin (search TRGM_SCHEMA.gin_trgm_ops);

-- Each laptop's audit chain, row for row (the laptop's id), for the sessions it pushed.
CREATE TABLE audit (
    installation_id text NOT NULL REFERENCES installations(id),
    id bigint NOT NULL,
    session_id text COLLATE "C" NOT NULL,
    at text NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    subject text NOT NULL,
    old text NOT NULL,
    new text NOT NULL,
    prev text NOT NULL,
    session_prev text NOT NULL,
    content_hash text NOT NULL,
    hash text NOT NULL,
    redacted integer NOT NULL DEFAULT 0,
    PRIMARY KEY (installation_id, id)
);
CREATE INDEX audit_session ON audit (session_id, installation_id, id);

-- Every sheet issued: pushed from a laptop's register (source = its installation id), or
-- reprinted from the archive (source = 'archive').
CREATE SEQUENCE issued_archive;
CREATE TABLE issued_sheets (
    source text NOT NULL,
    id bigint NOT NULL,
    file_sha256 text NOT NULL,
    position integer NOT NULL,
    session_id text COLLATE "C" NOT NULL,
    version integer NOT NULL,
    record_digest text NOT NULL,
    state text NOT NULL,
    how text NOT NULL,
    issued_at text NOT NULL,
    issued_by text NOT NULL,
    PRIMARY KEY (source, id)
);
CREATE INDEX issued_file ON issued_sheets (file_sha256, position);

-- What happens on the archive itself (sheets issued, sessions purged): a hash chain too.
CREATE TABLE events (
    id bigserial PRIMARY KEY,
    at text NOT NULL,
    login name NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    session_id text NOT NULL,
    detail text NOT NULL,
    prev text NOT NULL,
    hash text NOT NULL
);
"""

TRIGGERS = r"""
-- Purge is the one way a signed version leaves: it sets pcso_archive.purging for its own
-- transaction, and only the archive's owner can delete at all (HR and laptops hold no
-- DELETE privilege), so nobody else gets here with it set.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('pcso_archive.purging', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'PA003';
END $$;

CREATE TRIGGER versions_immutable BEFORE UPDATE OR DELETE ON versions
FOR EACH ROW EXECUTE FUNCTION refuse_change(
    'a signed version never changes: a new version is a new row');
CREATE TRIGGER versions_no_truncate BEFORE TRUNCATE ON versions
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('signed versions are never truncated');
CREATE TRIGGER snapshots_immutable BEFORE UPDATE OR DELETE ON profile_snapshots
FOR EACH ROW EXECUTE FUNCTION refuse_change('a profile snapshot never changes');
CREATE TRIGGER snapshots_no_truncate BEFORE TRUNCATE ON profile_snapshots
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('profile snapshots are never truncated');
CREATE TRIGGER issued_immutable BEFORE UPDATE OR DELETE ON issued_sheets
FOR EACH ROW EXECUTE FUNCTION refuse_change('the register of issued sheets is append-only');
CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON events
FOR EACH ROW EXECUTE FUNCTION refuse_change('the archive''s own audit is append-only');
CREATE TRIGGER sessions_no_truncate BEFORE TRUNCATE ON sessions
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the archive is never truncated');
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the audit is never truncated');

-- A version arrives: its digest is checked here, whoever inserts it.
CREATE FUNCTION version_arrives() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    profile_json text;
    key bytea := convert_to('"profile":"' || NEW.snapshot || '"', 'UTF8');
    at integer;
    parsed jsonb;
BEGIN
    SELECT json INTO profile_json FROM profile_snapshots WHERE digest = NEW.snapshot;
    IF profile_json IS NULL THEN
        RAISE EXCEPTION 'session % version %: its profile snapshot is not in the archive',
            NEW.session_id, NEW.version USING ERRCODE = 'PA002';
    END IF;
    at := position(key IN NEW.content);
    IF at = 0 OR encode(sha256(overlay(NEW.content
            PLACING convert_to('"profile":' || profile_json, 'UTF8')
            FROM at FOR length(key))), 'hex') IS DISTINCT FROM NEW.digest THEN
        RAISE EXCEPTION 'session % version %: the content does not give its digest %',
            NEW.session_id, NEW.version, NEW.digest USING ERRCODE = 'PA002';
    END IF;
    parsed := convert_from(NEW.content, 'UTF8')::jsonb;
    IF parsed->>'session_id' IS DISTINCT FROM NEW.session_id
            OR (parsed->>'version')::integer IS DISTINCT FROM NEW.version THEN
        RAISE EXCEPTION 'session % version %: the content is of another session or version',
            NEW.session_id, NEW.version USING ERRCODE = 'PA002';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER versions_arrive BEFORE INSERT ON versions
FOR EACH ROW EXECUTE FUNCTION version_arrives();

CREATE FUNCTION snapshot_arrives() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF encode(sha256(convert_to(NEW.json, 'UTF8')), 'hex') IS DISTINCT FROM NEW.digest THEN
        RAISE EXCEPTION 'profile snapshot %: its text does not give its digest', NEW.digest
            USING ERRCODE = 'PA002';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER snapshots_arrive BEFORE INSERT ON profile_snapshots
FOR EACH ROW EXECUTE FUNCTION snapshot_arrives();

-- The list row moves only forward, to a newer version; it leaves only by purge.
CREATE FUNCTION listing_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF current_setting('pcso_archive.purging', true) = 'on' THEN RETURN OLD; END IF;
        RAISE EXCEPTION 'an archived session leaves only by purge' USING ERRCODE = 'PA003';
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.version <= OLD.version THEN
        RAISE EXCEPTION 'an archived session moves only to a newer signed version'
            USING ERRCODE = 'PA003';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER sessions_forward BEFORE UPDATE OR DELETE ON sessions
FOR EACH ROW EXECUTE FUNCTION listing_changes();

-- The laptops' audit rows never change; purge may only blank a row's words (its hashes
-- stay, so the chain still verifies).
CREATE FUNCTION audit_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('pcso_archive.purging', true) = 'on'
            AND NEW.installation_id = OLD.installation_id AND NEW.id = OLD.id
            AND NEW.session_id = OLD.session_id AND NEW.at = OLD.at
            AND NEW.prev = OLD.prev AND NEW.session_prev = OLD.session_prev
            AND NEW.content_hash = OLD.content_hash AND NEW.hash = OLD.hash
            AND NEW.redacted = 1 THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only' USING ERRCODE = 'PA003';
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
FOR EACH ROW EXECUTE FUNCTION audit_changes();
"""

FUNCTIONS = r"""
-- Every push function first checks that this login pushes for this installation.
CREATE FUNCTION check_uploader(p_installation text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    bound name;
BEGIN
    SELECT uploader INTO bound FROM installations WHERE id = p_installation;
    IF bound IS NULL THEN
        RAISE EXCEPTION 'installation % has not begun a push', p_installation
            USING ERRCODE = 'PA004';
    ELSIF bound <> session_user THEN
        RAISE EXCEPTION 'installation % pushes as login %, not %; ask the archive''s DBA',
            p_installation, bound, session_user USING ERRCODE = 'PA004';
    END IF;
END $$;

CREATE FUNCTION push_begin(p_installation text, p_label text, p_certificates bytea[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    INSERT INTO installations (id, label, uploader) VALUES (p_installation, p_label, session_user)
    ON CONFLICT (id) DO NOTHING;
    PERFORM check_uploader(p_installation);
    UPDATE installations SET label = p_label, last_push = now() WHERE id = p_installation;
    INSERT INTO certificates (installation_id, sha256, der)
    SELECT p_installation, encode(sha256(c), 'hex'), c FROM unnest(p_certificates) AS c
    ON CONFLICT DO NOTHING;
END $$;

-- Which of these versions the archive holds: the same, a different digest, or none. Nothing
-- of any record is returned, only the comparison with what the caller already has.
CREATE FUNCTION push_compare(
    p_installation text, p_sessions text[], p_versions integer[], p_digests text[])
RETURNS TABLE (session_id text, version integer, state text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
#variable_conflict use_column
BEGIN
    PERFORM check_uploader(p_installation);
    RETURN QUERY
    SELECT w.s, w.v, CASE WHEN a.digest IS NULL THEN 'absent'
                          WHEN a.digest = w.d THEN 'same' ELSE 'different' END
    FROM unnest(p_sessions, p_versions, p_digests) AS w(s, v, d)
    LEFT JOIN versions a ON a.session_id = w.s AND a.version = w.v;
END $$;

CREATE FUNCTION push_snapshot(
    p_installation text, p_digest text, p_profile_id text, p_json text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    PERFORM check_uploader(p_installation);
    INSERT INTO profile_snapshots (digest, profile_id, json)
    VALUES (p_digest, p_profile_id, p_json) ON CONFLICT (digest) DO NOTHING;
END $$;

CREATE FUNCTION push_version(
    p_installation text, p_session_id text, p_version integer, p_digest text,
    p_signed_at text, p_snapshot text, p_content bytea, p_record text)
RETURNS text LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    held text;
BEGIN
    PERFORM check_uploader(p_installation);
    SELECT digest INTO held FROM versions WHERE session_id = p_session_id AND version = p_version;
    IF held = p_digest THEN
        RETURN 'same';
    ELSIF held IS NOT NULL THEN
        RAISE EXCEPTION 'session % version % is already archived with another digest (%)',
            p_session_id, p_version, held USING ERRCODE = 'PA001';
    END IF;
    IF p_record IS NOT NULL AND (p_record::jsonb->>'id' IS DISTINCT FROM p_session_id
            OR (p_record::jsonb->>'version')::integer IS DISTINCT FROM p_version) THEN
        RAISE EXCEPTION 'session % version %: the record sent is of another session or version',
            p_session_id, p_version USING ERRCODE = 'PA002';
    END IF;
    INSERT INTO versions (session_id, version, digest, signed_at, snapshot, content, record,
                          installation_id)
    VALUES (p_session_id, p_version, p_digest, p_signed_at, p_snapshot, p_content, p_record,
            p_installation);
    RETURN 'added';
END $$;

-- The list row of a session, for its newest version here; checked against that content.
CREATE FUNCTION push_listing(p_installation text, p_row jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    r sessions;
    content jsonb;
BEGIN
    PERFORM check_uploader(p_installation);
    r := jsonb_populate_record(NULL::sessions, p_row);
    r.installation_id := p_installation;
    SELECT convert_from(v.content, 'UTF8')::jsonb INTO content FROM versions v
    WHERE v.session_id = r.id AND v.version = r.version;
    IF content IS NULL OR content->'candidate'->>'name' IS DISTINCT FROM r.candidate_name
            OR content->'candidate'->>'reference' IS DISTINCT FROM r.candidate_ref
            OR content->>'date' IS DISTINCT FROM r.date
            OR content->>'venue' IS DISTINCT FROM r.venue
            OR content->>'profile' IS DISTINCT FROM r.snapshot THEN
        RAISE EXCEPTION 'session %: the list row does not match version %', r.id, r.version
            USING ERRCODE = 'PA002';
    END IF;
    INSERT INTO sessions VALUES (r.*)
    ON CONFLICT (id) DO UPDATE SET
        version = EXCLUDED.version, installation_id = EXCLUDED.installation_id,
        profile_id = EXCLUDED.profile_id, snapshot = EXCLUDED.snapshot,
        force = EXCLUDED.force, role_title = EXCLUDED.role_title,
        candidate_name = EXCLUDED.candidate_name, candidate_ref = EXCLUDED.candidate_ref,
        date = EXCLUDED.date, venue = EXCLUDED.venue, chair_name = EXCLUDED.chair_name,
        status = EXCLUDED.status, outcome = EXCLUDED.outcome,
        weighted_total = EXCLUDED.weighted_total, percentage = EXCLUDED.percentage,
        retention_months = EXCLUDED.retention_months, closed_at = EXCLUDED.closed_at,
        search = EXCLUDED.search, created_at = EXCLUDED.created_at,
        updated_at = EXCLUDED.updated_at
    WHERE sessions.version < EXCLUDED.version;
END $$;

-- A session's audit rows: new ones added, each link's hash checked; a row already here
-- must be the same row.
CREATE FUNCTION push_audit(p_installation text, p_rows jsonb)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    bad bigint;
    added integer;
BEGIN
    PERFORM check_uploader(p_installation);
    CREATE TEMP TABLE IF NOT EXISTS incoming_audit (LIKE audit) ON COMMIT DROP;
    DELETE FROM incoming_audit;
    INSERT INTO incoming_audit
    SELECT (jsonb_populate_record(NULL::audit,
            r || jsonb_build_object('installation_id', p_installation))).*
    FROM jsonb_array_elements(p_rows) AS r;
    SELECT i.id INTO bad FROM incoming_audit i
    WHERE encode(sha256(convert_to(i.prev || i.session_prev || i.content_hash, 'UTF8')), 'hex')
          <> i.hash LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'audit row % does not link: its hash is not its chain''s', bad
            USING ERRCODE = 'PA005';
    END IF;
    SELECT i.id INTO bad FROM incoming_audit i JOIN audit a
        ON a.installation_id = i.installation_id AND a.id = i.id
    WHERE a.hash <> i.hash OR a.session_id <> i.session_id LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'audit row % differs from the row archived before', bad
            USING ERRCODE = 'PA005';
    END IF;
    INSERT INTO audit SELECT * FROM incoming_audit ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    RETURN added;
END $$;

CREATE FUNCTION push_register(p_installation text, p_rows jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    PERFORM check_uploader(p_installation);
    INSERT INTO issued_sheets
    SELECT (jsonb_populate_record(NULL::issued_sheets,
            r || jsonb_build_object('source', p_installation))).*
    FROM jsonb_array_elements(p_rows) AS r
    ON CONFLICT DO NOTHING;
END $$;

-- The archive's own audit: a link of its chain for each thing done here.
CREATE FUNCTION log_event(p_actor text, p_action text, p_session_id text, p_detail text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    last text;
    stamp text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
    words text;
BEGIN
    LOCK TABLE events IN SHARE ROW EXCLUSIVE MODE;  -- one link at a time
    SELECT hash INTO last FROM events ORDER BY id DESC LIMIT 1;
    last := coalesce(last, repeat('0', 64));
    words := encode(sha256(convert_to(concat_ws(chr(31), stamp, session_user::text, p_actor,
        p_action, p_session_id, p_detail), 'UTF8')), 'hex');
    INSERT INTO events (at, login, actor, action, session_id, detail, prev, hash)
    VALUES (stamp, session_user, p_actor, p_action, p_session_id, p_detail, last,
            encode(sha256(convert_to(last || words, 'UTF8')), 'hex'));
END $$;

-- HR reprints from the archive: the sheet is registered here, and the event audited.
CREATE FUNCTION register_issue(p_file_sha256 text, p_parts jsonb, p_how text, p_actor text)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    part jsonb;
    n integer := 0;
    stamp text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
BEGIN
    FOR part IN SELECT * FROM jsonb_array_elements(p_parts) LOOP
        n := n + 1;
        PERFORM log_event(p_actor, 'issue sheet', part->>'session_id',
            format('%s, version %s, %s: %s', p_how, part->>'version', part->>'state',
                   p_file_sha256));
        INSERT INTO issued_sheets VALUES ('archive', nextval('issued_archive'), p_file_sha256,
            n, part->>'session_id', (part->>'version')::integer,
            part->>'record_digest', part->>'state', p_how, stamp,
            p_actor || ' (' || session_user || ')');
    END LOOP;
END $$;

-- Sessions closed and past their retention period, and nothing else, are deleted; the
-- words of their audit rows are blanked (the hashes stay); each purge is an event.
CREATE FUNCTION purge(p_session_ids text[], p_reason text, p_actor text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    s sessions;
    done integer := 0;
BEGIN
    IF coalesce(trim(p_reason), '') = '' OR coalesce(trim(p_actor), '') = '' THEN
        RAISE EXCEPTION 'a purge needs a reason and the name of who purges'
            USING ERRCODE = 'PA006';
    END IF;
    FOR s IN SELECT * FROM sessions WHERE id = ANY(p_session_ids) ORDER BY id FOR UPDATE LOOP
        IF s.closed_at = '' OR (left(s.closed_at, 10)::date
                + make_interval(months => s.retention_months)) > current_date THEN
            RAISE EXCEPTION 'session % is not past its retention period', s.id
                USING ERRCODE = 'PA006';
        END IF;
        PERFORM set_config('pcso_archive.purging', 'on', true);
        DELETE FROM sessions WHERE id = s.id;
        DELETE FROM versions WHERE session_id = s.id;
        UPDATE audit SET actor = '', subject = '', old = '', new = '', redacted = 1
        WHERE session_id = s.id AND redacted = 0;
        PERFORM set_config('pcso_archive.purging', 'off', true);
        PERFORM log_event(p_actor, 'purge', s.id, p_reason || ' (' || s.date || ' ' || s.status
                          || ')');
        done := done + 1;
    END LOOP;
    IF done <> cardinality(p_session_ids) THEN
        RAISE EXCEPTION 'not every session named is in the archive' USING ERRCODE = 'PA006';
    END IF;
    RETURN done;
END $$;
"""

# Who may call what: the uploader only pushes; HR reads everything, reprints and purges.
UPLOADER_FUNCTIONS = (
    "push_begin(text, text, bytea[])",
    "push_compare(text, text[], integer[], text[])",
    "push_snapshot(text, text, text, text)",
    "push_version(text, text, integer, text, text, text, bytea, text)",
    "push_listing(text, jsonb)",
    "push_audit(text, jsonb)",
    "push_register(text, jsonb)",
)
HR_FUNCTIONS = ("register_issue(text, jsonb, text, text)", "purge(text[], text, text)")


@dataclass(frozen=True)
class Migration:
    """One step of the archive's schema; applied once, in order, and recorded."""

    version: int
    name: str
    sql: str


# The trigger functions read their tables by plain name: they must find the archive's whoever
# writes, and whatever that session's search_path (a DBA's bulk load, not only the push
# functions, which set their own).
TRIGGER_SEARCH_PATH = r"""
ALTER FUNCTION refuse_change() SET search_path = archive, pg_temp;
ALTER FUNCTION version_arrives() SET search_path = archive, pg_temp;
ALTER FUNCTION snapshot_arrives() SET search_path = archive, pg_temp;
ALTER FUNCTION listing_changes() SET search_path = archive, pg_temp;
ALTER FUNCTION audit_changes() SET search_path = archive, pg_temp;
"""

# push_audit without a temporary table: one made and dropped for every session pushed cost
# more than the rest of the function and left dead rows in the system catalogues. The same
# checks, on the rows held in an array.
PUSH_AUDIT_IN_MEMORY = r"""
CREATE OR REPLACE FUNCTION push_audit(p_installation text, p_rows jsonb)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    incoming audit[];
    bad bigint;
    added integer;
BEGIN
    PERFORM check_uploader(p_installation);
    SELECT coalesce(array_agg(jsonb_populate_record(NULL::audit,
               r || jsonb_build_object('installation_id', p_installation))), '{}')
    INTO incoming FROM jsonb_array_elements(p_rows) AS r;
    SELECT i.id INTO bad FROM unnest(incoming) AS i
    WHERE encode(sha256(convert_to(i.prev || i.session_prev || i.content_hash, 'UTF8')), 'hex')
          <> i.hash LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'audit row % does not link: its hash is not its chain''s', bad
            USING ERRCODE = 'PA005';
    END IF;
    SELECT i.id INTO bad FROM unnest(incoming) AS i JOIN audit a
        ON a.installation_id = i.installation_id AND a.id = i.id
    WHERE a.hash <> i.hash OR a.session_id <> i.session_id LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'audit row % differs from the row archived before', bad
            USING ERRCODE = 'PA005';
    END IF;
    INSERT INTO audit SELECT * FROM unnest(incoming) ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS added = ROW_COUNT;
    RETURN added;
END $$;
"""

# The list row HR filters and sorts by is checked against the signed content it stands for in
# every column the content holds, not only the candidate, date, venue and profile: a row that
# called a failed candidate passed, or named another chair, is refused.
PUSH_LISTING_CHECKED = r"""
CREATE OR REPLACE FUNCTION push_listing(p_installation text, p_row jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    r sessions;
    content jsonb;
    profile jsonb;
    kept_as text;
BEGIN
    PERFORM check_uploader(p_installation);
    r := jsonb_populate_record(NULL::sessions, p_row);
    r.installation_id := p_installation;
    SELECT convert_from(v.content, 'UTF8')::jsonb INTO content FROM versions v
    WHERE v.session_id = r.id AND v.version = r.version;
    SELECT s.json::jsonb, s.profile_id INTO profile, kept_as FROM profile_snapshots s
    WHERE s.digest = r.snapshot;
    IF content IS NULL OR profile IS NULL
            OR content->'candidate'->>'name' IS DISTINCT FROM r.candidate_name
            OR content->'candidate'->>'reference' IS DISTINCT FROM r.candidate_ref
            OR content->>'date' IS DISTINCT FROM r.date
            OR content->>'venue' IS DISTINCT FROM r.venue
            OR content->>'profile' IS DISTINCT FROM r.snapshot
            OR r.status IS DISTINCT FROM 'signed'
            OR content->'outcome'->>'result' IS DISTINCT FROM r.outcome
            OR (content->'outcome'->>'weighted_total')::integer IS DISTINCT FROM r.weighted_total
            OR content->'outcome'->>'percentage' IS DISTINCT FROM r.percentage
            OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(content->'panel') AS m
                           WHERE m->>'role' = 'chair' AND m->>'name' = r.chair_name)
            OR kept_as IS DISTINCT FROM r.profile_id
            OR profile->>'id' IS DISTINCT FROM r.profile_id
            OR profile->>'force' IS DISTINCT FROM r.force
            OR profile->>'role_title' IS DISTINCT FROM r.role_title
            OR (profile->>'retention_months')::integer IS DISTINCT FROM r.retention_months THEN
        RAISE EXCEPTION 'session %: the list row does not match version %', r.id, r.version
            USING ERRCODE = 'PA002';
    END IF;
    INSERT INTO sessions VALUES (r.*)
    ON CONFLICT (id) DO UPDATE SET
        version = EXCLUDED.version, installation_id = EXCLUDED.installation_id,
        profile_id = EXCLUDED.profile_id, snapshot = EXCLUDED.snapshot,
        force = EXCLUDED.force, role_title = EXCLUDED.role_title,
        candidate_name = EXCLUDED.candidate_name, candidate_ref = EXCLUDED.candidate_ref,
        date = EXCLUDED.date, venue = EXCLUDED.venue, chair_name = EXCLUDED.chair_name,
        status = EXCLUDED.status, outcome = EXCLUDED.outcome,
        weighted_total = EXCLUDED.weighted_total, percentage = EXCLUDED.percentage,
        retention_months = EXCLUDED.retention_months, closed_at = EXCLUDED.closed_at,
        search = EXCLUDED.search, created_at = EXCLUDED.created_at,
        updated_at = EXCLUDED.updated_at
    WHERE sessions.version < EXCLUDED.version;
END $$;
"""

# The list's search text in a narrow table of its own, kept by a trigger on the list: counting
# what a text matches reads each session's text, and in the list's wide rows that meant
# reading the whole list (a one-letter filter over 500,000 sessions). The trigram index moves
# with it; the list's own column stays, for finding a page in list order. Purge deletes the
# list row, and the text goes with it.
SEARCH_TABLE = r"""
CREATE TABLE session_search (
    id text COLLATE "C" PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    search text COLLATE "C" NOT NULL
);
INSERT INTO session_search (id, search) SELECT id, search FROM sessions;
CREATE INDEX session_search_text ON session_search USING gin (search TRGM_SCHEMA.gin_trgm_ops);
DROP INDEX sessions_search;

CREATE FUNCTION search_follows() RETURNS trigger LANGUAGE plpgsql
SET search_path = archive, pg_temp AS $$
BEGIN
    INSERT INTO session_search (id, search) VALUES (NEW.id, NEW.search)
    ON CONFLICT (id) DO UPDATE SET search = EXCLUDED.search;
    RETURN NULL;
END $$;
CREATE TRIGGER sessions_search_follows AFTER INSERT OR UPDATE OF search ON sessions
FOR EACH ROW EXECUTE FUNCTION search_follows();
CREATE TRIGGER session_search_no_truncate BEFORE TRUNCATE ON session_search
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change('the archive is never truncated');
"""

# Profiles may weigh areas in decimals (issue 18): a weighted total then has tenths, as the
# laptop's list keeps it (13.5), and the signed content writes it as text ("13.5", or "10.0"
# on such a profile even when whole). The list's column holds it exactly, and push_listing
# compares it as a number.
WEIGHTED_TOTAL_TENTHS = (
    "ALTER TABLE sessions ALTER COLUMN weighted_total TYPE numeric;\n"
    + PUSH_LISTING_CHECKED.replace(
        "(content->'outcome'->>'weighted_total')::integer",
        "(content->'outcome'->>'weighted_total')::numeric",
    )
)

# The language the interview was held in (issue 19), in HR's list to filter and sort by: not
# part of the signed content, so the list row carries it as the laptop's list does. A laptop
# from before it sends no language: its sessions were held in English. Existing rows read 'en'.
INTERVIEW_LANGUAGE = (
    "ALTER TABLE sessions ADD COLUMN interview_language text COLLATE \"C\" NOT NULL DEFAULT 'en'"
    " CHECK (interview_language IN ('en', 'cy'));\n"
    "CREATE INDEX sessions_language ON sessions (interview_language, date);\n"
    + WEIGHTED_TOTAL_TENTHS.split(";\n", 1)[1]
    .replace(
        "    r.installation_id := p_installation;\n",
        "    r.installation_id := p_installation;\n"
        "    r.interview_language := coalesce(r.interview_language, 'en');\n",
    )
    .replace(
        "        updated_at = EXCLUDED.updated_at\n",
        "        updated_at = EXCLUDED.updated_at,"
        " interview_language = EXCLUDED.interview_language\n",
    )
)

# A purge takes the purged sessions' rows of the register of issued sheets too (each named the
# session, its version and digest, and who issued it), as a laptop's purge does; rows earlier
# purges left behind go now. The archive's own events keep that a sheet was issued and the
# purge, as its audit chain must.
PURGE_FORGETS_SHEETS = r"""
SELECT set_config('pcso_archive.purging', 'on', true);
DELETE FROM issued_sheets i
WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = i.session_id)
  AND EXISTS (SELECT 1 FROM events e WHERE e.action = 'purge' AND e.session_id = i.session_id);
SELECT set_config('pcso_archive.purging', 'off', true);

CREATE OR REPLACE FUNCTION purge(p_session_ids text[], p_reason text, p_actor text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    s sessions;
    done integer := 0;
BEGIN
    IF coalesce(trim(p_reason), '') = '' OR coalesce(trim(p_actor), '') = '' THEN
        RAISE EXCEPTION 'a purge needs a reason and the name of who purges'
            USING ERRCODE = 'PA006';
    END IF;
    FOR s IN SELECT * FROM sessions WHERE id = ANY(p_session_ids) ORDER BY id FOR UPDATE LOOP
        IF s.closed_at = '' OR (left(s.closed_at, 10)::date
                + make_interval(months => s.retention_months)) > current_date THEN
            RAISE EXCEPTION 'session % is not past its retention period', s.id
                USING ERRCODE = 'PA006';
        END IF;
        PERFORM set_config('pcso_archive.purging', 'on', true);
        DELETE FROM sessions WHERE id = s.id;
        DELETE FROM versions WHERE session_id = s.id;
        DELETE FROM issued_sheets WHERE session_id = s.id;
        UPDATE audit SET actor = '', subject = '', old = '', new = '', redacted = 1
        WHERE session_id = s.id AND redacted = 0;
        PERFORM set_config('pcso_archive.purging', 'off', true);
        PERFORM log_event(p_actor, 'purge', s.id, p_reason || ' (' || s.date || ' ' || s.status
                          || ')');
        done := done + 1;
    END LOOP;
    IF done <> cardinality(p_session_ids) THEN
        RAISE EXCEPTION 'not every session named is in the archive' USING ERRCODE = 'PA006';
    END IF;
    RETURN done;
END $$;
"""

# A purged session never comes back: a laptop that still held one pushed it again, and the
# candidate's record returned, silently. The archive knows each purge by its event; from
# now nothing of such a session enters again, whoever writes: its versions, a laptop's audit
# rows of it and a laptop's rows of the register are refused by triggers (SQLSTATE PA007, the
# day of the purge as the error's DETAIL), so a laptop of any version, or a direct call of the
# push functions, is refused by the server itself. The archive's own reprints (source
# 'archive') are of a session HR can see here, and are not refused. push_compare also says
# which sessions were purged, and on what day, so a laptop of this version sends nothing of
# them: a new column, as the state stays 'absent' (laptops before this one send an absent
# version, and push_version refuses it in words; a state they do not know would stop their
# push). A new column is a new return type, which CREATE OR REPLACE cannot give: the function
# is made again, and init grants it again to the uploader role as every time. A session a
# laptop pushed back before this migration stays as it is (an upgrade deletes no signed
# version): `check` names it, for HR to purge again.
PURGED_NOT_TAKEN_BACK = r"""
CREATE INDEX events_purges ON events (session_id, at) WHERE action = 'purge';

CREATE FUNCTION refuse_purged() RETURNS trigger LANGUAGE plpgsql
SET search_path = archive, pg_temp AS $$
DECLARE
    sid text := NEW.session_id;  -- as the events keep it (their collation, their index)
    purged_on text;
BEGIN
    SELECT left(min(at), 10) INTO purged_on FROM events
    WHERE action = 'purge' AND session_id = sid;
    IF purged_on IS NOT NULL THEN
        RAISE EXCEPTION 'session % was purged from the archive on % (past its retention'
            ' period); it is never taken back', sid, purged_on
            USING ERRCODE = 'PA007', DETAIL = purged_on;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER versions_not_purged BEFORE INSERT ON versions
FOR EACH ROW EXECUTE FUNCTION refuse_purged();
CREATE TRIGGER audit_not_purged BEFORE INSERT ON audit
FOR EACH ROW EXECUTE FUNCTION refuse_purged();
CREATE TRIGGER issued_not_purged BEFORE INSERT ON issued_sheets
FOR EACH ROW WHEN (NEW.source <> 'archive') EXECUTE FUNCTION refuse_purged();

DROP FUNCTION push_compare(text, text[], integer[], text[]);
CREATE FUNCTION push_compare(
    p_installation text, p_sessions text[], p_versions integer[], p_digests text[])
RETURNS TABLE (session_id text, version integer, state text, purged_on text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
#variable_conflict use_column
BEGIN
    PERFORM check_uploader(p_installation);
    RETURN QUERY
    SELECT w.s, w.v, CASE WHEN a.digest IS NULL THEN 'absent'
                          WHEN a.digest = w.d THEN 'same' ELSE 'different' END,
           (SELECT left(min(e.at), 10) FROM events e
            WHERE e.action = 'purge' AND e.session_id = w.s)
    FROM unnest(p_sessions, p_versions, p_digests) AS w(s, v, d)
    LEFT JOIN versions a ON a.session_id = w.s AND a.version = w.v;
END $$;
"""

# A laptop adds audit rows and rows of the register of issued sheets only to sessions it pushed
# a version of. Before, any uploader login could add them to any session named by its id (an
# id is printed on every sheet): a row of the register that named a forged file as a sheet of
# another laptop's session made HR's verify on the archive say MATCH without reading the file,
# and made-up audit rows (a withdrawal, a reopen) showed in that session's trail. A session
# the archive purged is left to the triggers that refuse it in their own words (PA007).
OWN_SESSIONS_ONLY = (
    r"""
CREATE FUNCTION check_pushed(p_installation text, p_session_ids text[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    other text;
BEGIN
    SELECT s INTO other FROM unnest(p_session_ids) AS s
    WHERE NOT EXISTS (SELECT 1 FROM versions v
                      WHERE v.session_id = s AND v.installation_id = p_installation)
      AND NOT EXISTS (SELECT 1 FROM events e WHERE e.action = 'purge' AND e.session_id = s)
    ORDER BY s LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'installation % did not push session %: its audit rows and issued'
            ' sheets are taken only from a laptop that pushed a version of it',
            p_installation, coalesce(other, '(none named)') USING ERRCODE = 'PA004';
    END IF;
END $$;
"""
    + PUSH_AUDIT_IN_MEMORY.replace(
        "    PERFORM check_uploader(p_installation);\n",
        "    PERFORM check_uploader(p_installation);\n"
        "    PERFORM check_pushed(p_installation, ARRAY(SELECT DISTINCT r->>'session_id'"
        " FROM jsonb_array_elements(p_rows) AS r));\n",
        1,
    )
    + r"""
CREATE OR REPLACE FUNCTION push_register(p_installation text, p_rows jsonb)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    PERFORM check_uploader(p_installation);
    PERFORM check_pushed(p_installation, ARRAY(SELECT DISTINCT r->>'session_id'
        FROM jsonb_array_elements(p_rows) AS r));
    INSERT INTO issued_sheets
    SELECT (jsonb_populate_record(NULL::issued_sheets,
            r || jsonb_build_object('source', p_installation))).*
    FROM jsonb_array_elements(p_rows) AS r
    ON CONFLICT DO NOTHING;
END $$;
"""
)


# The retention period runs from the list row's closed_at (purge and its candidates read it):
# push_listing took any, so a row that said a session closed years before it was signed let
# HR purge a record the force must still keep. It must be its version's signing time, as a
# laptop's check demands of a laptop's row.
def _closed_at_checked() -> str:
    function = INTERVIEW_LANGUAGE[INTERVIEW_LANGUAGE.index("CREATE OR REPLACE FUNCTION") :]
    for old, new in (
        ("    kept_as text;\n", "    kept_as text;\n    signed text;\n"),
        (
            "SELECT convert_from(v.content, 'UTF8')::jsonb INTO content FROM versions v",
            "SELECT convert_from(v.content, 'UTF8')::jsonb, v.signed_at INTO content, signed"
            " FROM versions v",
        ),
        (
            "            OR r.status IS DISTINCT FROM 'signed'\n",
            "            OR r.status IS DISTINCT FROM 'signed'\n"
            "            OR r.closed_at IS DISTINCT FROM signed\n",
        ),
    ):
        assert function.count(old) == 1, old
        function = function.replace(old, new)
    return function


CLOSED_AT_CHECKED = _closed_at_checked()

MIGRATIONS = (
    Migration(1, "initial", TABLES + TRIGGERS + FUNCTIONS),
    Migration(2, "trigger_search_path", TRIGGER_SEARCH_PATH),
    Migration(3, "push_audit_in_memory", PUSH_AUDIT_IN_MEMORY),
    Migration(4, "push_listing_checked", PUSH_LISTING_CHECKED),
    Migration(5, "session_search", SEARCH_TABLE),
    Migration(6, "weighted_total_tenths", WEIGHTED_TOTAL_TENTHS),
    Migration(7, "interview_language", INTERVIEW_LANGUAGE),
    Migration(8, "purge_forgets_sheets", PURGE_FORGETS_SHEETS),
    Migration(9, "purged_not_taken_back", PURGED_NOT_TAKEN_BACK),
    Migration(10, "own_sessions_only", OWN_SESSIONS_ONLY),
    Migration(11, "closed_at_checked", CLOSED_AT_CHECKED),
)
ARCHIVE_VERSION = len(MIGRATIONS)  # a test keeps the numbering in step
