/**
 * Spring Authorization Server as auth configures it: clients, sealed authorizations, login and
 * token customisation.
 */
@NullMarked
package com.lightpress.auth.server;

import org.jspecify.annotations.NullMarked;
