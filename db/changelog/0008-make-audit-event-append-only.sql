--liquibase formatted sql

--changeset kinlink:0008-make-audit-event-append-only
--comment: The application never updates or deletes audit events; the database refuses it too.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only';
--rollback DROP TRIGGER audit_event_no_update; DROP TRIGGER audit_event_no_delete;
