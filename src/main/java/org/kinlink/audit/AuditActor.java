package org.kinlink.audit;

/** Implemented by the signed-in user's principal so that audit events name the actor by id. */
public interface AuditActor {

    long actorId();

    String actorName();
}
