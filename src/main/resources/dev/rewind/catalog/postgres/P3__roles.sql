-- Rewind catalog on PostgreSQL, schema 3: who may change what, decided inside the database. The roles themselves
-- (rewind_reader < rewind_editor < rewind_deployer < rewind_releaser) are cluster-wide and made by
-- 'rewind admin init-roles', which also grants them this catalog's tables; this script only adds the checks that
-- grants alone cannot make: a protected target moves, and protection and guards change, only for rewind_releaser.

-- Whether the current user holds ROLE's privileges. The catalog's owner (whoever created it, or a member of the
-- owning role) and superusers always do, so the person who ran 'rewind init' keeps working before and after roles
-- exist; anyone else needs the role, and without 'init-roles' nobody else has it.
CREATE FUNCTION rewind_is_owner() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user), false)
      OR pg_catalog.pg_has_role(current_user,
           (SELECT relowner FROM pg_catalog.pg_class WHERE oid = 'rewind_schema'::regclass), 'USAGE')
$$;

CREATE FUNCTION rewind_may(role name) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT rewind_is_owner()
      OR CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = role)
              THEN pg_catalog.pg_has_role(current_user, role, 'USAGE') ELSE false END
$$;

CREATE FUNCTION rewind_refuse_without(role name, what text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT rewind_may(role) THEN
    RAISE EXCEPTION 'rewind: % needs the role %, which % does not have', what, role, current_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END
$$;

-- A protected target's row changes (its pointer above all) and protection itself changes only for a releaser
CREATE FUNCTION rewind_guard_target() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.protected = 1 THEN
      PERFORM rewind_refuse_without('rewind_releaser', format('adding protected target %s', NEW.name));
    END IF;
  ELSIF NEW.protected <> OLD.protected THEN
    PERFORM rewind_refuse_without('rewind_releaser', format('changing the protection of target %s', OLD.name));
  ELSIF OLD.protected = 1 THEN
    PERFORM rewind_refuse_without('rewind_releaser', format('moving protected target %s', OLD.name));
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER targets_protected BEFORE INSERT OR UPDATE ON targets FOR EACH ROW
  EXECUTE FUNCTION rewind_guard_target();

-- The same rule for history written by hand: no move of a protected target, no protection or guard change
CREATE FUNCTION rewind_guard_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  target_name text;
BEGIN
  IF NEW.kind IN ('protect', 'unprotect', 'guard') THEN
    PERFORM rewind_refuse_without('rewind_releaser', 'changing a target''s protection or guards');
  ELSIF NEW.kind IN ('deploy', 'rollback', 'import', 'retire') AND NEW.target_id IS NOT NULL THEN
    SELECT name INTO target_name FROM targets WHERE id = NEW.target_id AND protected = 1;
    IF FOUND THEN
      PERFORM rewind_refuse_without('rewind_releaser', format('moving protected target %s', target_name));
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER events_protected BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION rewind_guard_event();

-- Guards and post-switch checks belong to releasers whatever the grants say
CREATE FUNCTION rewind_guard_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rewind_refuse_without('rewind_releaser', format('changing a target''s %s',
    CASE TG_TABLE_NAME WHEN 'target_checks' THEN 'post-switch check' ELSE 'guards' END));
  RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER target_guards_releaser BEFORE INSERT OR UPDATE OR DELETE ON target_guards FOR EACH ROW
  EXECUTE FUNCTION rewind_guard_rules();
CREATE TRIGGER target_checks_releaser BEFORE INSERT OR UPDATE OR DELETE ON target_checks FOR EACH ROW
  EXECUTE FUNCTION rewind_guard_rules();

-- Writers may sign an event (the one column grant on events) only in the transaction that appended it, as Rewind
-- does just before it commits: nobody but the owner can put a signature on someone else's event later.
CREATE FUNCTION rewind_sign_own() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT rewind_is_owner() AND (SELECT e.xmin::text::bigint FROM events e WHERE e.id = OLD.id)
       <> txid_current() % 4294967296 THEN
    RAISE EXCEPTION 'rewind: event % was written by another transaction; only the catalog''s owner may sign it',
      OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER events_sign_own BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION rewind_sign_own();
