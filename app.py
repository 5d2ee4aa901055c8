"""Web app entry point (also the Hugging Face Space's ``app_file``).

Importing builds the app and loads nothing; running it warms the models and serves.
"""

from summarise.apps.web.app import build_app, launch

demo = build_app()

if __name__ == "__main__":
    launch(demo)
