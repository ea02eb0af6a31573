package com.lightpress.users.account;

import com.lightpress.users.Role;
import org.springframework.data.relational.core.mapping.Table;

/** One role held by an account. */
@Table(schema = "users", name = "account_roles")
record RoleGrant(Role role) {}
