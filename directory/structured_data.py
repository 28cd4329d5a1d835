"""schema.org JSON-LD of directory entries: an Organization or a Place, with an address and
coordinates when known; the entry pages' templates escape it into a script element."""

from languages.origin import absolute_url


def _base(entry, schema_type, request=None):
    data = {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": entry.title,
        "description": entry.summary,
        "url": entry.get_full_url(request),
    }
    if entry.website:
        data["sameAs"] = [entry.website]
    address = {"@type": "PostalAddress"}
    if entry.city:
        address["addressLocality"] = entry.city
    if entry.country:
        address["addressCountry"] = entry.country
    if len(address) > 1:
        data["address"] = address
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
    if page.street_address and "address" in data:
        data["address"]["streetAddress"] = page.street_address
    if page.postcode and "address" in data:
        data["address"]["postalCode"] = page.postcode
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
