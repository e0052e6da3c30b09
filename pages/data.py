"""Data: placeholder until its issue lands."""
import streamlit as st

st.title("Data")
st.info("This page is being built.")
