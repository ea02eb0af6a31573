package com.lightpress.users;

/** Whether an account may be used. */
public enum AccountStatus {
    ACTIVE,
    DISABLED
}
