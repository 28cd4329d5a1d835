from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from .adapters import get_adapter


@register()
def newsletter_adapter_settings(app_configs, **kwargs):
    """A mailing-tool adapter that cannot work is a start-up error, not a silent failure."""
    try:
        get_adapter()
    except ImproperlyConfigured as error:
        return [Error(str(error), id="newsletter.E001")]
    return []
