package com.lightpress.billing.privacy;

import com.lightpress.billing.customer.Customers;
import com.lightpress.billing.invoice.InvoiceBook;
import com.lightpress.billing.subscription.Subscriptions;
import com.lightpress.users.PersonalData;
import com.lightpress.users.UserId;
import java.util.LinkedHashMap;
import org.springframework.stereotype.Component;

/** Billing's section of a user's data export: their Stripe customer, subscriptions and invoices. */
@Component
class BillingPersonalData implements PersonalData {

    private final Customers customers;
    private final Subscriptions subscriptions;
    private final InvoiceBook invoices;

    BillingPersonalData(Customers customers, Subscriptions subscriptions, InvoiceBook invoices) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
    }

    @Override
    public String section() {
        return "billing";
    }

    @Override
    public Object exportFor(UserId user) {
        var data = new LinkedHashMap<String, Object>();
        data.put("customer", customers.view(user).orElse(null));
        data.put("subscriptions", subscriptions.all(user));
        data.put("invoices", invoices.all(user));
        return data;
    }
}
