import secrets

from django import template

from ..forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletter/_form.html", takes_context=True)
def newsletter_form(context, place="page"):
    """The sign-up form; ids are unique on the page (the footer's and a block's forms)."""
    request = context.get("request")
    suffix = place if place in ("footer", "page") else f"{place}-{secrets.token_hex(3)}"
    form = SubscribeForm(
        auto_id=f"newsletter-{suffix}-%s",
        initial={"source": request.path[:200] if request is not None else ""},
    )
    return {"form": form, "place": place}
