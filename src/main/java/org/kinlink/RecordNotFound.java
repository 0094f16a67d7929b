package org.kinlink;

/**
 * The record does not exist, or the caller may not see it: the same answer for both, so that no
 * id, URL or search confirms that another team's record exists. Denials are audited before this is
 * thrown.
 */
public class RecordNotFound extends RuntimeException {

    public RecordNotFound(String what) {
        super(what + " not found");
    }
}
