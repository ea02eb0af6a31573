package com.lightpress.billing.web;

import com.lightpress.billing.invoice.InvoiceBook;
import com.lightpress.billing.invoice.InvoiceBook.InvoicePage;
import com.lightpress.platform.AuthenticatedUser;
import com.lightpress.users.UserId;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's invoices, newest first, a page at a time. */
@RestController
class InvoiceController {

    private final InvoiceBook invoices;

    InvoiceController(InvoiceBook invoices) {
        this.invoices = invoices;
    }

    @Operation(
            summary = "List my invoices",
            description =
                    "Invoices newest first, a page at a time: pass the nextCursor of a page as cursor to read the next one.")
    @GetMapping("/api/billing/invoices")
    InvoicePage invoices(
            AuthenticatedUser user,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Size(max = 200) @Nullable String cursor) {
        return invoices.page(new UserId(user.id()), limit, cursor);
    }
}
