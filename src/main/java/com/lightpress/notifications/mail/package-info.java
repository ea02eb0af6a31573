/** Email deliveries: recorded, sent, retried with backoff and given up on visibly. */
@NullMarked
package com.lightpress.notifications.mail;

import org.jspecify.annotations.NullMarked;
