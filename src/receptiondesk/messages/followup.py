"""Messages of the followup area (problem codes and labels) in Vietnamese and English."""

MESSAGES: dict[str, dict[str, str]] = {
}
