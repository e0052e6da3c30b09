"""Domains: placeholder until its issue lands."""
import streamlit as st

st.title("Domains")
st.info("This page is being built.")
