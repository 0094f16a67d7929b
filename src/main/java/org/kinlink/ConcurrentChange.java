package org.kinlink;

/**
 * Someone else saved the record after it was loaded; the save was refused so that nothing is
 * silently overwritten. The UI offers to reload.
 */
public class ConcurrentChange extends RuntimeException {

    public ConcurrentChange(String what) {
        super(what + " was changed by someone else after you opened it");
    }
}
