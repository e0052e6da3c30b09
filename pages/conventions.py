"""Conventions: placeholder until its issue lands."""
import streamlit as st

st.title("Conventions")
st.info("This page is being built.")
