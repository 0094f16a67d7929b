package org.kinlink.cases;

import org.kinlink.people.PersonId;

public record PartyView(
        long partyId, long version, PersonId personId, String name, PartyRole role, Relationship relationship) {}
