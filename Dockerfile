# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
#
# Odoo 18.0 Community (the official image at a dated tag: move it on purpose) with the pinned
# Python requirements of the five modules. docker-compose.yml builds it and mounts ./addons.
# pip installs into the image's own site-packages, so what the image already has and fits
# (requests, PyJWT...) is kept, and a new requirements.txt rebuilds the layer.
FROM odoo:18.0-20251222

USER root
COPY requirements.txt /tmp/crm-practices-requirements.txt
RUN pip3 install --no-cache-dir --break-system-packages -r /tmp/crm-practices-requirements.txt \
    && rm /tmp/crm-practices-requirements.txt
USER odoo
