"""What handlers do beyond a reply: run an audit, render its views, build the brief."""
