package com.lightpress.billing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A plan the user chose, by its catalog code. */
record PlanRequest(
        @Schema(example = "pro") @NotBlank @Size(max = 64) String plan) {}
