/** Auth's HTTP endpoints and login pages, and how its refusals become problem details. */
@NullMarked
package com.lightpress.auth.web;

import org.jspecify.annotations.NullMarked;
