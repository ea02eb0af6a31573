package com.lightpress.billing.subscription;

import com.lightpress.users.UserId;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface SubscriptionRepository extends ListCrudRepository<Subscription, String> {

    List<Subscription> findByUserIdOrderByStripeCreatedAtDesc(UserId userId);

    @Query("SELECT * FROM billing.subscriptions WHERE status NOT IN ('CANCELED', 'INCOMPLETE_EXPIRED')")
    List<Subscription> findLive();
}
