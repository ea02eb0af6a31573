package com.lightpress.notifications.inbox;

import com.lightpress.users.UserId;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface NotificationRepository extends ListCrudRepository<Notification, UUID> {

    List<Notification> findByUserIdOrderByCreatedAtDesc(UserId userId);
}
