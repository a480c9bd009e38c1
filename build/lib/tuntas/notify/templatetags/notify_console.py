"""``{% load notify_console %}``: whether the console shows the deliveries page to the signed-in user."""

from django import template

from tuntas.notify.selectors import can_review_deliveries

register = template.Library()


@register.filter
def may_review_deliveries(user) -> bool:  # noqa: ANN001
    return can_review_deliveries(user)
