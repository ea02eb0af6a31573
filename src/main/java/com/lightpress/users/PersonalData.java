package com.lightpress.users;

/**
 * Implemented by every module that holds personal data about users, so the data export can
 * gather one document from all local modules without users depending on them.
 */
public interface PersonalData {

    /** The name of this module's section in the export. */
    String section();

    /** Everything this module holds about the user, as values Jackson can write as JSON. */
    Object exportFor(UserId user);
}
