package com.lightpress.billing.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A plan the user chose, by its catalog code. */
record PlanRequest(@NotBlank @Size(max = 64) String plan) {}
