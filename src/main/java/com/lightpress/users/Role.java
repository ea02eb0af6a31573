package com.lightpress.users;

/** What a user may do beyond their own data. */
public enum Role {
    USER,
    ADMIN
}
