-- Windows follow the catalog through LISTEN rewind_events: every event appended tells them, with its id, at commit.
CREATE FUNCTION rewind_notify_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('rewind_events', NEW.id::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER events_notify AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION rewind_notify_event();
