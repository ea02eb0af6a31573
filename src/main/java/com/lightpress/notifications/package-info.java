/**
 * Email and in-app messages, driven only by other modules' events: nobody calls it, it listens.
 */
@ApplicationModule(allowedDependencies = {"users", "auth", "billing", "platform"})
@NullMarked
package com.lightpress.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
