/** Who a user is to the product: profile, roles, account settings and account status. */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package com.lightpress.users;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
