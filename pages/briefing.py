"""Briefing: placeholder until its issue lands."""
import streamlit as st

st.title("Briefing")
st.info("This page is being built.")
