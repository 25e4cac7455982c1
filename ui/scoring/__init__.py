"""The panel's interview screens: scoring areas, consensus and sign-off."""
