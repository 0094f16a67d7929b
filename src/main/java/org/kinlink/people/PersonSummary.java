package org.kinlink.people;

/** A person in a list: names only (no sensitive field). */
public record PersonSummary(PersonId id, PersonNames names, Sex sex) {

    public String display() {
        return names.display();
    }
}
