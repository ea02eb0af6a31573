/** Users' HTTP endpoints and how their refusals become problem details. */
@NullMarked
package com.lightpress.users.web;

import org.jspecify.annotations.NullMarked;
