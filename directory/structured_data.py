"""schema.org JSON-LD of directory entries: an Organization or a Place, with an address and
coordinates when known; the entry pages' templates escape it into a script element."""

from languages.origin import absolute_url

# PostalAddress property of each address field an entry may have (places have no street).
ADDRESS_FIELDS = {
    "street_address": "streetAddress",
    "postcode": "postalCode",
    "city": "addressLocality",
    "country": "addressCountry",
}


def address(entry):
    """The entry's PostalAddress, from whichever parts it has; None when it has none."""
    parts = {
        key: getattr(entry, field, "")
        for field, key in ADDRESS_FIELDS.items()
        if getattr(entry, field, "")
    }
    return {"@type": "PostalAddress", **parts} if parts else None


def _base(entry, schema_type, request=None):
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": entry.title,
        "description": entry.summary,
        # On the configured origin, like the canonical link, whatever the Site record says.
        "url": absolute_url(entry.get_url(request)),
    }
    if entry.website:
        data["sameAs"] = [entry.website]
    if (postal := address(entry)) is not None:
        data["address"] = postal
    if entry.has_coordinates:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(entry.latitude),
            "longitude": float(entry.longitude),
        }
    return data


def organisation(page, request=None):
    data = _base(page, "Organization", request)
    if page.year_founded:
        data["foundingDate"] = str(page.year_founded)
    contact = page.public_contact
    if "email" in contact:
        data["email"] = contact["email"]
    if "phone" in contact:
        data["telephone"] = contact["phone"]
    if page.logo_id:
        data["logo"] = absolute_url(page.logo.file.url)
    return {key: value for key, value in data.items() if value is not None}


def place(page, request=None):
    data = _base(page, "Place", request)
    if page.image_id and request is not None:
        data["image"] = absolute_url(page.image.file.url)
    features = [
        {"@type": "LocationFeatureSpecification", "name": str(label), "value": True}
        for label in page.accessibility
    ]
    if features:
        data["amenityFeature"] = features
    return data
